/**
 * Route validators and serializers compiled on a route's first use instead of at start-up. Compiling every route's
 * schemas with Ajv and fast-json-stringify took most of the ~1.5 s between spawn and the first answer; a process
 * that serves a handful of routes now pays only for those.
 */
import ajvCompiler from '@fastify/ajv-compiler';
import serializerCompiler from '@fastify/fast-json-stringify-compiler';

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

function deferValidators<Route>(factory: Factory<Route, any>): Factory<Route, any> {
  return (...args) => {
    const compile = factory(...args);
    return (route) => lazyValidator(compile, route);
  };
}

function deferSerializers<Route>(factory: Factory<Route, (data: unknown) => string>): Factory<Route, any> {
  return (...args) => {
    const compile = factory(...args);
    return (route) => lazySerializer(compile, route);
  };
}

/** Fastify's own compilers (Ajv, fast-json-stringify), each deferred to the route's first request. */
export const lazyCompilersFactory = {
  buildValidator: deferValidators(ajvCompiler() as Factory<unknown, any>),
  buildSerializer: deferSerializers(serializerCompiler() as Factory<unknown, (data: unknown) => string>),
};
