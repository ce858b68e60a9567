/**
 * The Fluent UI web components the pane uses, registered on demand (not at import), and the Fluent
 * light theme's tokens as CSS custom properties. Only what is imported here ends up in the bundle.
 */
import { webLightTheme } from '@fluentui/tokens';
import {
  Button,
  ButtonDefinition,
  Dropdown,
  DropdownDefinition,
  DropdownOption,
  DropdownOptionDefinition,
  Field,
  FieldDefinition,
  Link,
  LinkDefinition,
  Listbox,
  ListboxDefinition,
  MessageBar,
  MessageBarDefinition,
  ProgressBar,
  ProgressBarDefinition,
  Radio,
  RadioDefinition,
  RadioGroup,
  RadioGroupDefinition,
  setTheme,
} from '@fluentui/web-components';

let defined: Promise<void> | undefined;

/**
 * Registers the components (fluent-button, -field, -radio-group, -radio, -dropdown, -listbox,
 * -option, -progress-bar, -message-bar, -link) and sets the light theme on the document. FAST
 * registers elements asynchronously: create them once this resolves, so each is constructed as the
 * component it is. Safe to call again; components another script registered are left alone.
 */
export function defineFluent(): Promise<void> {
  defined ??= (async () => {
    setTheme(webLightTheme);
    await Promise.all([
      Button.define(ButtonDefinition),
      Field.define(FieldDefinition),
      RadioGroup.define(RadioGroupDefinition),
      Radio.define(RadioDefinition),
      Dropdown.define(DropdownDefinition),
      Listbox.define(ListboxDefinition),
      DropdownOption.define(DropdownOptionDefinition),
      ProgressBar.define(ProgressBarDefinition),
      MessageBar.define(MessageBarDefinition),
      Link.define(LinkDefinition),
    ]);
  })();
  return defined;
}
