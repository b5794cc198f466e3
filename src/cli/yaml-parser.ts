/**
 * yaml's parser, in a module of its own: `check` imports it dynamically, so only YAML input loads
 * it (110 kB; DESIGN §6). Imported statically here because yaml is CommonJS, whose named exports
 * a dynamic import of the package itself would not see in the bundle.
 */
export { isMap, isScalar, isSeq, parseDocument } from 'yaml';
