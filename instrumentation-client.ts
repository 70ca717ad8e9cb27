import { z } from "zod";

// Our CSP forbids eval. Zod probes for it with `new Function` when it builds an object schema,
// and the browser reports that caught probe as a CSP violation on every page: parse without JIT.
z.config({ jitless: true });
