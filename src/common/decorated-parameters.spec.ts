import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import 'reflect-metadata';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';

/**
 * The guard behind the lint rule `renda/no-type-import-for-decorated-parameter`, on what ships:
 * this spec runs from tsc's output in dist/, so it reads the decorator metadata `npm start`
 * serves with. A route parameter typed `Function` (a class imported with `import type`) makes
 * the ValidationPipe refuse every request — once every list endpoint answered 400 that way.
 */
const sourceRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

function controllerFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return controllerFiles(path);
    return entry.name.endsWith('.controller.js') ? [path] : [];
  });
}

interface RouteArgument {
  index: number;
}

async function functionTypedRouteParameters(): Promise<string[]> {
  const found: string[] = [];
  for (const file of controllerFiles(sourceRoot)) {
    const exported = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [className, value] of Object.entries(exported)) {
      if (typeof value !== 'function') continue;
      const prototype = value.prototype as object;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const routeArguments = Reflect.getMetadata(ROUTE_ARGS_METADATA, value, method) as
          Record<string, RouteArgument> | undefined;
        if (!routeArguments) continue;
        const types = (Reflect.getMetadata('design:paramtypes', prototype, method) ??
          []) as unknown[];
        for (const { index } of Object.values(routeArguments)) {
          if (types[index] === Function) found.push(`${className}.${method} parameter ${index}`);
        }
      }
    }
  }
  return found;
}

describe('decorated route parameters in the built controllers', () => {
  it('should find the controllers it checks', () => {
    expect(controllerFiles(sourceRoot).length).toBeGreaterThan(5);
  });

  it('should type no route parameter as Function in the emitted metadata', async () => {
    expect(await functionTypedRouteParameters()).toEqual([]);
  });
});
