import js from '@eslint/js';
import globals from 'globals';
import { finlensRules } from '../extension/eslint.rules.js';

// The extension's rules (extension/eslint.rules.js) for the web pages' modules.
export default [
  { ignores: ['node_modules/', 'static/vendor/'] },
  js.configs.recommended,
  finlensRules,
  {
    files: ['static/js/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['tests/**/*.js', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
];
