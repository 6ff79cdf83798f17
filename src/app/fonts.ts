import localFont from "next/font/local";

/** Inter, shipped from the @fontsource-variable/inter npm package: nothing is fetched at build or run time. */
export const inter = localFont({
  src: [{ path: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2", style: "normal" }],
  variable: "--font-inter",
  display: "swap",
  weight: "100 900",
});
