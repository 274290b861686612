// A tool that refuses its input: it resolves a path against the workspace the host names and
// throws a ToolError when the path escapes it. The host catches the error on the C++ side and
// reads its name, code, message and line, as it must for every failed tool call.
(function (api) {
    "use strict";

    const schema = {
        path: { type: "string", required: true, minLength: 1, maxLength: 4096 },
    };

    // Resolves "." and ".." without touching the file system.
    function normalize(path) {
        const parts = [];
        for (const part of path.split("/")) {
            if (part === "" || part === ".")
                continue;
            if (part === "..")
                parts.pop();
            else
                parts.push(part);
        }
        return "/" + parts.join("/");
    }

    return {
        name: "fs.read_file",
        description: "Reads a file inside the workspace",
        run: function (args) {
            api.validate(args, schema);
            const root = api.setting("workspace");
            const resolved = normalize(args.path.startsWith("/") ? args.path : root + "/" + args.path);
            if (resolved !== root && !resolved.startsWith(root + "/"))
                throw new api.ToolError("permission_denied", "path " + args.path + " resolves to " + resolved +
                                        ", outside the workspace " + root, { resolved: resolved });
            return { path: resolved, bytes: 0 };
        },
    };
})
