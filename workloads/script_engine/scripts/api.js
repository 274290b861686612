// The tool API every script VM gets before any tool loads: argument validation against a
// schema, template formatting, a structured error type and logging through the C++ host.
// The file is one function expression: the host evaluates it once per VM and calls it with
// its `host` object; the object it returns is what each tool receives as `api`.
(function (host) {
    "use strict";

    // Thrown by tools for failures a caller can act on; `code` is machine-readable.
    class ToolError extends Error {
        constructor(code, message, details) {
            super(message);
            this.name = "ToolError";
            this.code = code;
            this.details = details === undefined ? null : details;
        }
    }

    function typeOf(value) {
        if (value === null)
            return "null";
        if (Array.isArray(value))
            return "array";
        return typeof value;
    }

    function checkNumber(key, value, rule, problems) {
        if (rule.integer && !Number.isInteger(value))
            problems.push(key + " must be an integer");
        if (rule.min !== undefined && value < rule.min)
            problems.push(key + " must be at least " + rule.min);
        if (rule.max !== undefined && value > rule.max)
            problems.push(key + " must be at most " + rule.max);
    }

    function checkString(key, value, rule, problems) {
        if (rule.minLength !== undefined && value.length < rule.minLength)
            problems.push(key + " must have at least " + rule.minLength + " characters");
        if (rule.maxLength !== undefined && value.length > rule.maxLength)
            problems.push(key + " must have at most " + rule.maxLength + " characters");
        if (rule.pattern !== undefined && !rule.pattern.test(value))
            problems.push(key + " does not match " + rule.pattern);
    }

    // Checks `args` against `schema` ({ key: { type, required, min, max, ... } }) and throws
    // one ToolError listing every problem, so a caller can fix them all at once.
    function validate(args, schema) {
        if (typeOf(args) !== "object")
            throw new ToolError("invalid_arguments", "arguments must be an object");
        const problems = [];
        for (const key of Object.keys(schema)) {
            const rule = schema[key];
            const value = args[key];
            if (value === undefined) {
                if (rule.required)
                    problems.push(key + " is required");
                continue;
            }
            const actual = typeOf(value);
            if (actual !== rule.type) {
                problems.push(key + " must be a " + rule.type + ", not a " + actual);
                continue;
            }
            if (actual === "number")
                checkNumber(key, value, rule, problems);
            else if (actual === "string")
                checkString(key, value, rule, problems);
            if (rule.oneOf !== undefined && rule.oneOf.indexOf(value) < 0)
                problems.push(key + " must be one of " + rule.oneOf.join(", "));
        }
        if (problems.length > 0)
            throw new ToolError("invalid_arguments", problems.join("; "), problems);
        return args;
    }

    function formatValue(value, spec) {
        switch (spec) {
        case "money":
            return Number(value).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
        case "upper":
            return String(value).toUpperCase();
        case "pad8":
            return String(value).padStart(8, " ");
        default:
            return String(value);
        }
    }

    // "{name}" or "{name:spec}" placeholders; an unknown name is an error, not an empty string.
    function format(template, values) {
        return template.replace(/\{(\w+)(?::(\w+))?\}/g, function (match, key, spec) {
            if (!(key in values))
                throw new ToolError("format_error", "no value for placeholder " + key);
            return formatValue(values[key], spec);
        });
    }

    return Object.freeze({
        ToolError: ToolError,
        validate: validate,
        format: format,
        log: function (level, message) { host.log(level, message); },
        setting: function (key) { return host.setting(key); },
    });
})
