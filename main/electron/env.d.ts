// electron-vite's import suffixes (`?modulePath`: bundle a module as its own entry and import its path).
/// <reference types="electron-vite/node" />
