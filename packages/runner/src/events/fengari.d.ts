// The part of fengari's API (a Lua 5.3 VM in JavaScript; it ships no types) that lua.ts uses.
declare module "fengari" {
  type State = object;
  interface Lua {
    LUA_TNIL: number;
    LUA_TBOOLEAN: number;
    LUA_TNUMBER: number;
    LUA_TSTRING: number;
    LUA_TTABLE: number;
    lua_close(L: State): void;
    lua_newtable(L: State): void;
    lua_pushstring(L: State, s: Uint8Array): void;
    lua_pushnumber(L: State, n: number): void;
    lua_pushboolean(L: State, b: boolean): void;
    lua_setfield(L: State, idx: number, k: Uint8Array): void;
    lua_rawseti(L: State, idx: number, i: number): void;
    lua_setglobal(L: State, name: Uint8Array): void;
    lua_gettop(L: State): number;
    lua_type(L: State, idx: number): number;
    lua_toboolean(L: State, idx: number): boolean;
    lua_tonumber(L: State, idx: number): number;
    lua_tojsstring(L: State, idx: number): string;
    lua_pushnil(L: State): void;
    lua_next(L: State, idx: number): number;
    lua_pushvalue(L: State, idx: number): void;
    lua_pop(L: State, n: number): void;
    lua_rawlen(L: State, idx: number): number;
    lua_absindex(L: State, idx: number): number;
  }
  interface Lauxlib {
    luaL_newstate(): State;
    luaL_dostring(L: State, s: Uint8Array): number;
  }
  interface Lualib {
    luaL_openlibs(L: State): void;
  }
  const fengari: { lua: Lua; lauxlib: Lauxlib; lualib: Lualib; to_luastring(s: string): Uint8Array };
  export default fengari;
}
