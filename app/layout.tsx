import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";
import { Providers } from "@/components/providers";
import "./globals.css";

// Bundled from npm so that neither build nor run time reaches out to a font service.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
  weight: "100 900",
});

export const metadata: Metadata = {
  title: { default: "LiveMind", template: "%s · LiveMind" },
  description: "Talk with an AI companion by voice and camera. Every conversation kept, searchable and replayable.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f7f9" },
    { media: "(prefers-color-scheme: dark)", color: "#0d0e12" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request: each page's scripts carry that response's CSP nonce (proxy.ts), which
  // a page prerendered at build time could not.
  await connection();
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-dvh">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
