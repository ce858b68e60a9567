// Entry of the browser preview (preview.html): it only wires. The page runs the add-in's pane and
// the DEF functions on an embedded spreadsheet engine, for machines without Excel.
import { mountPane } from '../taskpane/pane';
import { startPreview } from './page';

startPreview(document, mountPane);
