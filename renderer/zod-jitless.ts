// Imported first by each renderer entry: the CSP (electron/security.ts) refuses eval, and zod's
// probe for it (`new Function('')`) is reported as a violation. Without eval zod interprets anyway.
import { z } from 'zod';

z.config({ jitless: true });
