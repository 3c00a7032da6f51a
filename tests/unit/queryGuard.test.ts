import { test } from "node:test";
import assert from "node:assert/strict";
import { splitQuery } from "../../src/lib/queryGuard.ts";

test("parameters tfjs would throw on are dropped with the reason; the rest are kept as written", () => {
  assert.deepEqual(splitQuery(""), { kept: "", dropped: [] });
  assert.deepEqual(splitQuery("?sample=3&block=SE_2_1"), { kept: "?sample=3&block=SE_2_1", dropped: [] });
  assert.deepEqual(splitQuery("?sample=%F0&block=SE_2_1&ref=50%"), {
    kept: "?block=SE_2_1",
    dropped: [
      { text: "sample=%F0", why: "not valid URL encoding" },
      { text: "ref=50%", why: "not valid URL encoding" },
    ],
  });
  const flags = splitQuery("?tfjsflags=DEBUG:true&x=%E2%9C%93");
  assert.equal(flags.kept, "?x=%E2%9C%93");
  assert.deepEqual(
    flags.dropped.map((d) => d.text),
    ["tfjsflags=DEBUG:true"],
  );
  // "?" splits parameters too, as it does for tfjs; a name alone is a parameter
  assert.deepEqual(splitQuery("?a=1?%zz&b").dropped, [{ text: "%zz", why: "not valid URL encoding" }]);
  assert.equal(splitQuery("?a=1?%zz&b").kept, "?a=1&b");
});

test("the inlined source runs on its own (the config puts it in each page's head)", () => {
  const inlined = new Function(`return (${splitQuery.toString()})`)() as typeof splitQuery;
  assert.deepEqual(inlined("?a=%F0&b=2"), {
    kept: "?b=2",
    dropped: [{ text: "a=%F0", why: "not valid URL encoding" }],
  });
});
