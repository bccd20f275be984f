// The few directives of nginx's configuration that this nginx honours: the first server's
// `listen` port, and the `root` and `index` of its `location /` (or of the server). It reads
// /etc/nginx/conf.d/default.conf, so a ConfigMap mounted there changes the port or the root.

import { readFile } from "../lib/fs";
import { isInteger } from "../lib/text";

export const CONFIG_FILE = "/etc/nginx/nginx.conf";
export const SITE_FILE = "/etc/nginx/conf.d/default.conf";

export class Config {
  port: i32 = 80;
  root: string = "/usr/share/nginx/html";
  index: string[] = ["index.html", "index.htm"];
  serverName: string = "localhost";
}

function tokens(text: string): string[] {
  const out = new Array<string>();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const hash = line.indexOf("#");
    if (hash >= 0) line = line.substring(0, hash);
    let current = "";
    for (let k = 0; k < line.length; k++) {
      const c = line.charAt(k);
      if (c == " " || c == "\t" || c == "\r" || c == ";" || c == "{" || c == "}") {
        if (current.length > 0) out.push(current);
        current = "";
        if (c == ";" || c == "{" || c == "}") out.push(c);
      } else current += c;
    }
    if (current.length > 0) out.push(current);
  }
  return out;
}

/** Reads the site configuration; defaults when it is missing. */
export function loadConfig(): Config {
  const config = new Config();
  const text = readFile(SITE_FILE);
  if (text === null) return config;
  const words = tokens(text);
  let depth = 0;
  let inRootLocation = false;
  let portSet = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word == "{") {
      depth++;
      continue;
    }
    if (word == "}") {
      depth--;
      if (depth < 2) inRootLocation = false;
      continue;
    }
    if (word == "location" && i + 2 < words.length) {
      inRootLocation = words[i + 1] == "/" && words[i + 2] == "{";
      continue;
    }
    if (depth == 1 || inRootLocation) {
      const value = i + 1 < words.length ? words[i + 1] : "";
      if (word == "listen" && !portSet) {
        const port = value.lastIndexOf(":") >= 0 ? value.substring(value.lastIndexOf(":") + 1) : value;
        if (isInteger(port) && !value.startsWith("[")) {
          config.port = I32.parseInt(port);
          portSet = true;
        }
      } else if (word == "root") config.root = value;
      else if (word == "server_name") config.serverName = value;
      else if (word == "index") {
        config.index = [];
        for (let k = i + 1; k < words.length && words[k] != ";"; k++) config.index.push(words[k]);
      }
    }
  }
  return config;
}
