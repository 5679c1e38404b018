/**
 * Validating Kubernetes manifests against the API's schemas, offline, with kubernetes-models (models
 * generated from the Kubernetes OpenAPI schema):
 *  - its JSON-schema validators check types, enums, required fields and formats;
 *  - its TypeScript declarations of the same schema catch unknown fields, which those validators let
 *    pass (the OpenAPI schema does not forbid extra properties) but `kubectl apply` rejects with its
 *    strict field validation: each manifest is type-checked as an object literal of its kind's type,
 *    so an excess property anywhere in it is an error.
 */
import * as path from 'node:path';
import ts from 'typescript';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Job } from 'kubernetes-models/batch/v1/Job';

/** The kinds deploy writes: the model class and the module and interface declaring its type. */
const KINDS: Record<string, { model: new (data: never) => { validate(): void }; module: string; type: string }> = {
  'v1/ConfigMap': { model: ConfigMap, module: 'kubernetes-models/v1/ConfigMap', type: 'IConfigMap' },
  'v1/PersistentVolumeClaim': { model: PersistentVolumeClaim, module: 'kubernetes-models/v1/PersistentVolumeClaim', type: 'IPersistentVolumeClaim' },
  'batch/v1/Job': { model: Job, module: 'kubernetes-models/batch/v1/Job', type: 'IJob' },
};

type Doc = { apiVersion?: unknown; kind?: unknown };
const kindOf = (doc: Doc) => `${doc.apiVersion}/${doc.kind}`;

/** Schema errors of one manifest (types, enums, required fields). */
function schemaErrors(doc: Doc): string[] {
  const kind = KINDS[kindOf(doc)];
  if (!kind) return [`unexpected kind ${kindOf(doc)} (known: ${Object.keys(KINDS).join(', ')})`];
  try {
    new kind.model(doc as never).validate();
    return [];
  } catch (err) {
    return [(err as Error).message];
  }
}

/** Errors of each manifest, in order: schema errors, then unknown or mistyped fields per the API types. */
export function validateManifests(docs: Doc[]): string[][] {
  const errors = docs.map(schemaErrors);
  // One program for all manifests (type-checking costs seconds): one declaration per line.
  const root = path.resolve(__dirname, '..', '..');
  const file = path.join(root, '__manifests_under_test__.ts');
  const known = docs.map((d) => KINDS[kindOf(d)]);
  const imports = Object.values(KINDS).map((k) => `import type { ${k.type} } from '${k.module}';`);
  const lines = docs.map((d, i) => (known[i] ? `export const m${i}: ${known[i].type} = ${JSON.stringify(d)};` : ''));
  const source = [...imports, ...lines].join('\n');
  const options: ts.CompilerOptions = { strict: true, noEmit: true, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, types: [], skipLibCheck: true };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (name, language, ...rest) => (name === file ? ts.createSourceFile(name, source, language) : getSourceFile(name, language, ...rest));
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    if (d.file?.fileName !== file || d.start === undefined) throw new Error(`type-checking the manifests failed: ${message}`);
    const line = d.file.getLineAndCharacterOfPosition(d.start).line - imports.length;
    errors[line].push(message);
  }
  return errors;
}
