import { getWellKnownDocument } from "@/app/_lib/auth/local/handlers";

// Serves /.well-known/openid-configuration and /.well-known/jwks.json. A dynamic segment rather than
// a `.well-known` folder: TypeScript and ESLint globs skip dot-folders, and these files must be checked.
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ wellKnown: string; document: string }> };

export async function GET(_request: Request, { params }: Context) {
  const { wellKnown, document } = await params;
  return getWellKnownDocument(wellKnown, document);
}
