/**
 * The pane's layout, scoped to its root (`.defecon-pane`) so it can sit in any page. Type, colour
 * and spacing come from the Fluent theme's tokens (set by `defineFluent`); the controls draw
 * themselves.
 */
export const PANE_CSS = `
.defecon-pane {
  font-family: var(--fontFamilyBase);
  font-size: var(--fontSizeBase300);
  line-height: var(--lineHeightBase300);
  color: var(--colorNeutralForeground1);
  background: var(--colorNeutralBackground1);
  display: flex;
  flex-direction: column;
  gap: var(--spacingVerticalL);
  max-width: 560px;
}
.defecon-pane [hidden] {
  display: none !important;
}
.defecon-pane h1 {
  font-size: var(--fontSizeBase500);
  line-height: var(--lineHeightBase500);
  font-weight: var(--fontWeightSemibold);
  margin: 0;
}
.defecon-pane h2 {
  font-size: var(--fontSizeBase400);
  line-height: var(--lineHeightBase400);
  font-weight: var(--fontWeightSemibold);
  margin: 0 0 var(--spacingVerticalS);
}
.defecon-pane h3 {
  font-size: var(--fontSizeBase300);
  line-height: var(--lineHeightBase300);
  font-weight: var(--fontWeightSemibold);
  margin: var(--spacingVerticalM) 0 var(--spacingVerticalXS);
}
.defecon-pane p {
  margin: 0;
}
.defecon-pane section {
  display: flex;
  flex-direction: column;
  gap: var(--spacingVerticalS);
}
.defecon-pane .hint {
  color: var(--colorNeutralForeground3);
  font-size: var(--fontSizeBase200);
  line-height: var(--lineHeightBase200);
}
.defecon-pane .scenario-label {
  display: flex;
  flex-direction: column;
}
.defecon-pane .row {
  display: flex;
  flex-wrap: wrap;
  align-items: flex-end;
  gap: var(--spacingHorizontalS);
}
.defecon-pane .row fluent-field {
  flex: 1 1 160px;
}
.defecon-pane fluent-dropdown {
  min-width: 0;
  width: 100%;
}
.defecon-pane #progress {
  display: flex;
  flex-direction: column;
  gap: var(--spacingVerticalXS);
}
.defecon-pane #message-text {
  display: block;
  white-space: normal;
}
.defecon-pane #message .answers {
  display: flex;
  flex-wrap: wrap;
  gap: var(--spacingHorizontalS);
  margin: var(--spacingVerticalS) 0 var(--spacingVerticalXS);
}
.defecon-pane #sensitivity .sens-output,
.defecon-pane #sensitivity .sens-input {
  display: flex;
  flex-direction: column;
  gap: var(--spacingVerticalXS);
  padding: var(--spacingVerticalS) var(--spacingHorizontalM);
  border: var(--strokeWidthThin) solid var(--colorNeutralStroke2);
  border-radius: var(--borderRadiusMedium);
}
.defecon-pane #sensitivity .row {
  justify-content: space-between;
  align-items: center;
}
.defecon-pane .sens-label {
  font-weight: var(--fontWeightSemibold);
}
.defecon-pane .sens-select,
.defecon-pane .sens-number {
  font-family: inherit;
  font-size: var(--fontSizeBase300);
  color: var(--colorNeutralForeground1);
  background: var(--colorNeutralBackground1);
  border: var(--strokeWidthThin) solid var(--colorNeutralStroke1);
  border-bottom-color: var(--colorNeutralStrokeAccessible);
  border-radius: var(--borderRadiusMedium);
  min-height: 32px;
  padding: 0 var(--spacingHorizontalS);
  box-sizing: border-box;
  min-width: 0;
}
.defecon-pane .sens-select {
  width: 100%;
}
.defecon-pane .sens-number {
  width: 7em;
}
.defecon-pane .sens-select:focus,
.defecon-pane .sens-number:focus {
  outline: none;
  border-bottom: var(--strokeWidthThick) solid var(--colorCompoundBrandStroke);
}
.defecon-pane .sens-select:disabled,
.defecon-pane .sens-number:disabled {
  color: var(--colorNeutralForegroundDisabled);
  border-color: var(--colorNeutralStrokeDisabled);
}
.defecon-pane .sens-bounds {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: var(--spacingHorizontalS);
}
.defecon-pane .sens-actions {
  display: flex;
  flex-wrap: wrap;
  gap: var(--spacingHorizontalS);
}
.defecon-pane #sens-progress {
  display: flex;
  flex-direction: column;
  gap: var(--spacingVerticalXS);
}
.defecon-pane .sens-progress-line {
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: var(--spacingHorizontalS);
}
.defecon-pane .functions {
  list-style: none;
  margin: 0;
  padding: 0;
  display: flex;
  flex-direction: column;
  gap: var(--spacingVerticalS);
}
.defecon-pane code {
  font-family: var(--fontFamilyMonospace);
  font-size: var(--fontSizeBase200);
  background: var(--colorNeutralBackground3);
  border-radius: var(--borderRadiusMedium);
  padding: 0 var(--spacingHorizontalXXS);
  overflow-wrap: anywhere;
}
`;
