import { hostStatus } from "../../src/taskpane/pane";

describe("hostStatus", () => {
  it("says the pane is running in Excel when Office reports the Excel host", () => {
    expect(hostStatus("Excel")).toEqual({ state: "excel", text: "Running in Excel" });
  });

  it("says Office was not detected when Office reports no host, as it does in a plain browser", () => {
    expect(hostStatus(null).state).toBe("no-office");
    expect(hostStatus(null).text).toMatch(/^Office not detected/);
  });

  it("says Office was not detected when office.js never loaded", () => {
    expect(hostStatus(undefined).state).toBe("no-office");
  });

  it("names another Office application and says the functions need Excel", () => {
    expect(hostStatus("Word")).toEqual({ state: "other-host", text: "Running in Word: the DEF.* functions need Excel" });
  });
});
