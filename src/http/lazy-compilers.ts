/**
 * Route validators and serializers compiled on a route's first use instead of at start-up. Compiling every route's
 * schemas with Ajv and fast-json-stringify took most of the ~1.5 s between spawn and the first answer; a process
 * that serves a handful of routes now pays only for those. The compilers themselves (a third of the bundle) load
 * with the first route that needs one, and Ajv's instance is made then too.
 */
import type AjvCompiler from '@fastify/ajv-compiler';
import type SerializerCompiler from '@fastify/fast-json-stringify-compiler';
import { lazyRequire } from '../lazy-require.ts';

const loadAjvCompiler = lazyRequire<typeof AjvCompiler>('@fastify/ajv-compiler');
const loadSerializerCompiler = lazyRequire<typeof SerializerCompiler>('@fastify/fast-json-stringify-compiler');

type Compile<Route, Compiled> = (route: Route) => Compiled;
type Factory<Route, Compiled> = (...args: any[]) => Compile<Route, Compiled>;

/** A validator that compiles on its first call and keeps Ajv's `errors` readable, as Fastify expects. */
function lazyValidator<Route>(compile: Compile<Route, any>, route: Route) {
  let compiled: any;
  const validate = (data: unknown) => {
    compiled ??= compile(route);
    return compiled(data);
  };
  Object.defineProperty(validate, 'errors', { get: () => compiled?.errors });
  return validate;
}

/** A serializer that compiles on its first call. */
function lazySerializer<Route>(compile: Compile<Route, (data: unknown) => string>, route: Route) {
  let compiled: ((data: unknown) => string) | undefined;
  return (data: unknown) => {
    compiled ??= compile(route);
    return compiled(data);
  };
}

/** The factory's compiler for these arguments, made (and the factory loaded) on the first compile. */
function deferFactory<Route, Compiled>(loadFactory: () => Factory<Route, Compiled>, args: unknown[]) {
  let compile: Compile<Route, Compiled> | undefined;
  return (route: Route) => {
    compile ??= loadFactory()(...args);
    return compile(route);
  };
}

function deferValidators<Route>(loadFactory: () => Factory<Route, any>): Factory<Route, any> {
  return (...args) => {
    const compile = deferFactory(loadFactory, args);
    return (route) => lazyValidator(compile, route);
  };
}

function deferSerializers<Route>(loadFactory: () => Factory<Route, (data: unknown) => string>): Factory<Route, any> {
  return (...args) => {
    const compile = deferFactory(loadFactory, args);
    return (route) => lazySerializer(compile, route);
  };
}

let validatorFactory: Factory<unknown, any> | undefined;
let serializerFactory: Factory<unknown, (data: unknown) => string> | undefined;

/** Fastify's own compilers (Ajv, fast-json-stringify), each deferred to the route's first request. */
export const lazyCompilersFactory = {
  buildValidator: deferValidators(() => {
    validatorFactory ??= loadAjvCompiler()() as Factory<unknown, any>;
    return validatorFactory;
  }),
  buildSerializer: deferSerializers(() => {
    serializerFactory ??= loadSerializerCompiler()() as Factory<unknown, (data: unknown) => string>;
    return serializerFactory;
  }),
};
