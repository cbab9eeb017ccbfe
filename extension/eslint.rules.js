// The lint rules every Finlens JavaScript follows, shared by extension/eslint.config.js and
// web-templates/eslint.config.js. No imports, so either project can load it without the other's node_modules.
export const finlensRules = {
  files: ['**/*.js'],
  languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
  rules: {
    'no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    eqeqeq: ['error', 'always', { null: 'ignore' }],
    'no-var': 'error',
    'prefer-const': 'error',
  },
};
