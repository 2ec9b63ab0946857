declare const __CYBERREAD_VERSION__: string;
process.stdout.write(`cyberread ${typeof __CYBERREAD_VERSION__ === 'string' ? __CYBERREAD_VERSION__ : 'dev'}\n`);
