import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const base: Options = {
  allErrors: false,
  strict: false, // TypeBox adds its own annotation keys
  removeAdditional: false, // unknown fields are refused, never silently dropped
  useDefaults: true,
  discriminator: true, // a union told apart by `type` is checked against its own variant (platform/tagged.ts)
};

// A JSON body must already have the right types: "5" is not a number.
const bodyAjv = addFormats(new Ajv({ ...base, coerceTypes: false }));
// Query strings and path parameters are text by nature and are converted.
const textAjv = addFormats(new Ajv({ ...base, coerceTypes: 'array' }));

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
};
