/// <reference path="./fengari.d.ts" />
/**
 * Lua scripts of Argo Events' script filters and script transforms (gopher-lua there; fengari, a
 * Lua 5.3 VM in JavaScript, here): the event data is the global `event`, converted as Argo Events'
 * `mapToTable` converts it; the script's last value is the result.
 */
import fengari from "fengari";
import { EventCodes, EventError } from "./errors.js";

const { lua, lauxlib, lualib, to_luastring } = fengari;
type State = ReturnType<typeof lauxlib.luaL_newstate>;

function push(L: State, v: unknown): boolean {
  if (typeof v === "number") lua.lua_pushnumber(L, v);
  else if (typeof v === "string") lua.lua_pushstring(L, to_luastring(v));
  else if (typeof v === "boolean") lua.lua_pushboolean(L, v);
  else if (Array.isArray(v)) {
    lua.lua_newtable(L);
    let i = 0;
    for (const item of v) if (push(L, item)) lua.lua_rawseti(L, -2, ++i);
  } else if (v !== null && typeof v === "object") {
    lua.lua_newtable(L);
    for (const [k, item] of Object.entries(v)) if (push(L, item)) lua.lua_setfield(L, -2, to_luastring(k));
  } else return false;
  return true;
}

function read(L: State, idx: number): unknown {
  const t = lua.lua_type(L, idx);
  if (t === lua.LUA_TBOOLEAN) return lua.lua_toboolean(L, idx);
  if (t === lua.LUA_TNUMBER) return lua.lua_tonumber(L, idx);
  if (t === lua.LUA_TSTRING) return lua.lua_tojsstring(L, idx);
  if (t !== lua.LUA_TTABLE) return null;
  const abs = lua.lua_absindex(L, idx);
  const n = lua.lua_rawlen(L, abs);
  if (n > 0) {
    const out: unknown[] = [];
    lua.lua_pushnil(L);
    const items = new Map<number, unknown>();
    while (lua.lua_next(L, abs) !== 0) {
      lua.lua_pushvalue(L, -2);
      const key = lua.lua_type(L, -1) === lua.LUA_TNUMBER ? lua.lua_tonumber(L, -1) : Number.NaN;
      lua.lua_pop(L, 1);
      if (Number.isInteger(key)) items.set(key, read(L, -1));
      lua.lua_pop(L, 1);
    }
    for (let i = 1; i <= n; i++) out.push(items.get(i) ?? null);
    return out;
  }
  const out: Record<string, unknown> = {};
  lua.lua_pushnil(L);
  while (lua.lua_next(L, abs) !== 0) {
    lua.lua_pushvalue(L, -2);
    const key = lua.lua_tojsstring(L, -1);
    lua.lua_pop(L, 1);
    out[key] = read(L, -1);
    lua.lua_pop(L, 1);
  }
  return out;
}

/**
 * Runs `script` with `event` set to `data`; returns the script's last value (`nil` is `undefined`).
 *
 * @example
 * ```ts
 * runLua('if event.a == "b" then return true else return false end', { a: "b" }, "filter"); // true
 * ```
 */
export function runLua(script: string, data: unknown, where: string): unknown {
  const L = lauxlib.luaL_newstate();
  try {
    lualib.luaL_openlibs(L);
    if (push(L, data)) lua.lua_setglobal(L, to_luastring("event"));
    const status = lauxlib.luaL_dostring(L, to_luastring(script));
    if (status !== 0)
      throw new EventError(EventCodes.transform, `${where}: Lua script failed: ${lua.lua_tojsstring(L, -1)}`);
    if (lua.lua_gettop(L) === 0) return undefined;
    return lua.lua_type(L, -1) === lua.LUA_TNIL ? undefined : read(L, -1);
  } finally {
    lua.lua_close(L);
  }
}
