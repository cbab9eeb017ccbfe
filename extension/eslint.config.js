import js from '@eslint/js';
import globals from 'globals';
import { finlensRules } from './eslint.rules.js';

export default [
  { ignores: ['node_modules/', 'lib/vendor/', 'test-results/'] },
  js.configs.recommended,
  finlensRules,
  {
    files: ['sidepanel/**/*.js', 'options/**/*.js', 'lib/**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } },
  },
  {
    files: ['service-worker.js'],
    languageOptions: { globals: { ...globals.serviceworker, ...globals.webextensions } },
  },
  {
    // Injected into web pages as a classic script; its last expression is the result.
    files: ['scripts/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    files: ['tests/**/*.js', 'tools/**/*.js', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // Functions passed to page.evaluate/worker.evaluate run inside the extension.
    files: ['tests/*.browser.test.js', 'tests/browser.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.webextensions } },
  },
];
