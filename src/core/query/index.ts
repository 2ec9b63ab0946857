/** The query language (parse → typed tree → SQL with bound parameters) and the list query's canonical form. */
export type { Flag, ParseResult, QueryNode, QueryProblem, QueryProblemCode } from './ast.js';
export { conjuncts, mentionsLang } from './ast.js';
export { parseQuery, foldText, FIELDS, MAX_DEPTH, MAX_QUERY_CHARS, MAX_TERMS, type ParseOptions } from './parse.js';
export { compileCondition, ftsExpression, type CompileContext, type SqlPart } from './compile.js';
export { DEFAULT_LIMIT, MAX_LIMIT, ftsQuery, normaliseQuery, tagKey } from './normalise.js';
