// `npm run format` writes, `npm run lint` checks: the style the code was written in.
export default {
  printWidth: 140,
  singleQuote: true,
  trailingComma: 'all',
  arrowParens: 'always',
  semi: true,
};
