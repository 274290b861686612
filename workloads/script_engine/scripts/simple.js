// Simple tool: validate the arguments of one invoice line and format it as text.
// Every tool file is a function expression that the host calls with the tool API and that
// returns the tool; wrapping it this way lets one VM load the same file more than once.
(function (api) {
    "use strict";

    const schema = {
        invoice: { type: "string", required: true, pattern: /^INV-\d{6}$/ },
        customer: { type: "string", required: true, minLength: 1, maxLength: 80 },
        amount: { type: "number", required: true, min: 0 },
        currency: { type: "string", required: true, oneOf: ["EUR", "USD", "GBP", "CHF"] },
        dueDays: { type: "number", integer: true, min: 0, max: 365 },
    };

    return {
        name: "billing.format_invoice_line",
        description: "Formats one invoice line for a statement",
        run: function (args) {
            api.validate(args, schema);
            return api.format("{invoice} {customer:upper} {amount:money} {currency}, due in {dueDays} days", {
                invoice: args.invoice,
                customer: args.customer,
                amount: args.amount,
                currency: args.currency,
                dueDays: args.dueDays === undefined ? 30 : args.dueDays,
            });
        },
    };
})
