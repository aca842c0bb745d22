import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { SECURITY_HEADERS } from "./app/_lib/security-headers";

// UI strings live in lib/i18n/messages; the request config picks the locale from a cookie or
// Accept-Language, not the URL.
const withNextIntl = createNextIntlPlugin("./app/_lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
};

export default withNextIntl(nextConfig);
