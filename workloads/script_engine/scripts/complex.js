// Complex tool: a small interpreter. It tokenizes a program in a tiny language (let, =,
// while, if/else, fn, return, print; integer arithmetic, comparisons, && and ||), parses it
// by recursive descent into a tree, and evaluates the tree with a step budget, as a tool
// that runs user-supplied formulas or rules must.
(function (api) {
    "use strict";

    const schema = {
        program: { type: "string", required: true, minLength: 1, maxLength: 20000 },
        maxSteps: { type: "number", integer: true, min: 1 },
    };

    const keywords = new Set(["let", "while", "if", "else", "fn", "return", "print"]);
    const twoCharOperators = new Set(["==", "!=", "<=", ">=", "&&", "||"]);
    const oneCharOperators = new Set(["+", "-", "*", "/", "%", "<", ">", "=", "!", "(", ")", "{", "}", ";", ","]);

    function tokenize(source) {
        const tokens = [];
        let i = 0;
        while (i < source.length) {
            const c = source[i];
            if (c === " " || c === "\n" || c === "\t" || c === "\r") {
                ++i;
            } else if (c >= "0" && c <= "9") {
                let j = i;
                while (j < source.length && source[j] >= "0" && source[j] <= "9")
                    ++j;
                tokens.push({ kind: "num", value: Number(source.slice(i, j)), at: i });
                i = j;
            } else if (/[A-Za-z_]/.test(c)) {
                let j = i;
                while (j < source.length && /[A-Za-z0-9_]/.test(source[j]))
                    ++j;
                const word = source.slice(i, j);
                tokens.push({ kind: keywords.has(word) ? word : "id", value: word, at: i });
                i = j;
            } else {
                const two = source.substr(i, 2);
                const op = twoCharOperators.has(two) ? two : c;
                if (op === c && !oneCharOperators.has(c))
                    throw new api.ToolError("syntax_error", "unexpected character '" + c + "' at " + i);
                tokens.push({ kind: op, value: op, at: i });
                i += op.length;
            }
        }
        tokens.push({ kind: "eof", value: "", at: source.length });
        return tokens;
    }

    // Binary operators by precedence, loosest first.
    const levels = [["||"], ["&&"], ["==", "!="], ["<", "<=", ">", ">="], ["+", "-"], ["*", "/", "%"]];

    function parse(tokens) {
        let pos = 0;
        const peek = () => tokens[pos];
        const next = () => tokens[pos++];
        function expect(kind) {
            const t = next();
            if (t.kind !== kind)
                throw new api.ToolError("syntax_error", "expected '" + kind + "' at " + t.at + ", found '" + t.value + "'");
            return t;
        }
        function primary() {
            const t = next();
            if (t.kind === "num")
                return { type: "num", value: t.value };
            if (t.kind === "-" || t.kind === "!")
                return { type: "unary", op: t.kind, operand: primary() };
            if (t.kind === "(") {
                const e = expression(0);
                expect(")");
                return e;
            }
            if (t.kind === "id") {
                if (peek().kind !== "(")
                    return { type: "var", name: t.value };
                next();
                const args = [];
                while (peek().kind !== ")") {
                    args.push(expression(0));
                    if (peek().kind !== ")")
                        expect(",");
                }
                expect(")");
                return { type: "call", name: t.value, args: args };
            }
            throw new api.ToolError("syntax_error", "unexpected '" + t.value + "' at " + t.at);
        }
        function expression(level) {
            if (level === levels.length)
                return primary();
            let left = expression(level + 1);
            while (levels[level].indexOf(peek().kind) >= 0) {
                const op = next().kind;
                left = { type: "binary", op: op, left: left, right: expression(level + 1) };
            }
            return left;
        }
        function block() {
            expect("{");
            const body = [];
            while (peek().kind !== "}")
                body.push(statement());
            expect("}");
            return body;
        }
        function statement() {
            const t = peek();
            switch (t.kind) {
            case "let": {
                next();
                const name = expect("id").value;
                expect("=");
                const init = expression(0);
                expect(";");
                return { type: "let", name: name, init: init };
            }
            case "while": {
                next();
                expect("(");
                const cond = expression(0);
                expect(")");
                return { type: "while", cond: cond, body: block() };
            }
            case "if": {
                next();
                expect("(");
                const cond = expression(0);
                expect(")");
                const then = block();
                let otherwise = [];
                if (peek().kind === "else") {
                    next();
                    otherwise = block();
                }
                return { type: "if", cond: cond, then: then, otherwise: otherwise };
            }
            case "fn": {
                next();
                const name = expect("id").value;
                expect("(");
                const params = [];
                while (peek().kind !== ")") {
                    params.push(expect("id").value);
                    if (peek().kind !== ")")
                        expect(",");
                }
                expect(")");
                return { type: "fn", name: name, params: params, body: block() };
            }
            case "return": {
                next();
                const value = expression(0);
                expect(";");
                return { type: "return", value: value };
            }
            case "print": {
                next();
                expect("(");
                const value = expression(0);
                expect(")");
                expect(";");
                return { type: "print", value: value };
            }
            }
            if (t.kind === "id" && tokens[pos + 1].kind === "=") {
                next();
                next();
                const value = expression(0);
                expect(";");
                return { type: "assign", name: t.value, value: value };
            }
            const e = expression(0);
            expect(";");
            return { type: "expr", value: e };
        }
        const program = [];
        while (peek().kind !== "eof")
            program.push(statement());
        return program;
    }

    // A scope is a Map of variables and its enclosing scope; lookups walk outwards.
    function scopeIn(parent) {
        return { vars: new Map(), parent: parent };
    }

    function evaluate(program, maxSteps) {
        const output = [];
        const functions = new Map();
        let steps = 0;
        function tick() {
            if (++steps > maxSteps)
                throw new api.ToolError("step_limit", "program exceeded " + maxSteps + " steps");
        }
        function owner(scope, name) {
            for (let s = scope; s !== null; s = s.parent)
                if (s.vars.has(name))
                    return s;
            throw new api.ToolError("runtime_error", "undefined variable " + name);
        }
        function value(node, scope) {
            tick();
            switch (node.type) {
            case "num": return node.value;
            case "var": return owner(scope, node.name).vars.get(node.name);
            case "unary": {
                const v = value(node.operand, scope);
                return node.op === "-" ? -v : (v ? 0 : 1);
            }
            case "binary": {
                if (node.op === "&&")
                    return value(node.left, scope) ? (value(node.right, scope) ? 1 : 0) : 0;
                if (node.op === "||")
                    return value(node.left, scope) ? 1 : (value(node.right, scope) ? 1 : 0);
                const a = value(node.left, scope);
                const b = value(node.right, scope);
                switch (node.op) {
                case "+": return a + b;
                case "-": return a - b;
                case "*": return a * b;
                case "/":
                    if (b === 0)
                        throw new api.ToolError("runtime_error", "division by zero");
                    return Math.trunc(a / b);
                case "%": return a % b;
                case "==": return a === b ? 1 : 0;
                case "!=": return a !== b ? 1 : 0;
                case "<": return a < b ? 1 : 0;
                case "<=": return a <= b ? 1 : 0;
                case ">": return a > b ? 1 : 0;
                default: return a >= b ? 1 : 0;
                }
            }
            default: { // call
                const fn = functions.get(node.name);
                if (fn === undefined || fn.params.length !== node.args.length)
                    throw new api.ToolError("runtime_error", "no function " + node.name + "/" + node.args.length);
                const frame = scopeIn(null);
                for (let k = 0; k < fn.params.length; ++k)
                    frame.vars.set(fn.params[k], value(node.args[k], scope));
                const result = run(fn.body, frame);
                return result === undefined ? 0 : result.value;
            }
            }
        }
        // Returns { value } when a `return` ran, undefined otherwise.
        function run(statements, scope) {
            for (const s of statements) {
                tick();
                switch (s.type) {
                case "let": scope.vars.set(s.name, value(s.init, scope)); break;
                case "assign": {
                    const v = value(s.value, scope);
                    owner(scope, s.name).vars.set(s.name, v);
                    break;
                }
                case "print": output.push(value(s.value, scope)); break;
                case "expr": value(s.value, scope); break;
                case "fn": functions.set(s.name, s); break;
                case "return": return { value: value(s.value, scope) };
                case "if": {
                    const r = run(value(s.cond, scope) ? s.then : s.otherwise, scopeIn(scope));
                    if (r !== undefined)
                        return r;
                    break;
                }
                case "while":
                    while (value(s.cond, scope)) {
                        const r = run(s.body, scopeIn(scope));
                        if (r !== undefined)
                            return r;
                    }
                    break;
                }
            }
            return undefined;
        }
        run(program, scopeIn(null));
        return { output: output, steps: steps };
    }

    return {
        name: "rules.evaluate_program",
        description: "Runs a small user-supplied program and returns what it printed",
        run: function (args) {
            api.validate(args, schema);
            const result = evaluate(parse(tokenize(args.program)), args.maxSteps || 1000000);
            return { output: result.output, steps: result.steps };
        },
    };
})
