import { createRequire } from "node:module";
import path from "node:path";

type BaseUrlParser = (raw: string | undefined) => string | null;

function loadProductionBaseUrl(): BaseUrlParser {
  const loaded: unknown = createRequire(__filename)(path.resolve(__dirname, "..", "webpack.config.js"));
  if (typeof loaded !== "function" || !("productionBaseUrl" in loaded) || typeof loaded.productionBaseUrl !== "function") {
    throw new Error("webpack.config.js should export productionBaseUrl");
  }
  return loaded.productionBaseUrl as BaseUrlParser;
}

const productionBaseUrl = loadProductionBaseUrl();

describe("productionBaseUrl", () => {
  it("keeps the dev URL when DEFECON_BASE_URL is unset or blank", () => {
    expect(productionBaseUrl(undefined)).toBeNull();
    expect(productionBaseUrl("  ")).toBeNull();
  });

  it("adds the trailing slash that file names are appended to", () => {
    expect(productionBaseUrl("https://defecon.example.org/addin")).toBe("https://defecon.example.org/addin/");
    expect(productionBaseUrl("https://defecon.example.org/")).toBe("https://defecon.example.org/");
  });

  it("refuses plain http, which Office will not load", () => {
    expect(() => productionBaseUrl("http://defecon.example.org/")).toThrow("DEFECON_BASE_URL must use https");
  });

  it("refuses a query or fragment, which file names cannot follow", () => {
    expect(() => productionBaseUrl("https://defecon.example.org/?v=1")).toThrow("must not have a query or fragment");
    expect(() => productionBaseUrl("https://defecon.example.org/#top")).toThrow("must not have a query or fragment");
  });

  it("refuses text that is not a URL", () => {
    expect(() => productionBaseUrl("defecon.example.org")).toThrow("DEFECON_BASE_URL is not a URL");
  });
});
