// Medium tool: parse a JSON list of orders, filter them, compute totals with discounts, group
// by region, rank, and return the summary as JSON. The shape of a typical reporting tool.
(function (api) {
    "use strict";

    const schema = {
        orders: { type: "string", required: true, minLength: 2 },
        status: { type: "string", required: true, oneOf: ["open", "paid", "shipped", "cancelled"] },
        minAmount: { type: "number", min: 0 },
        top: { type: "number", integer: true, min: 1, max: 100 },
    };

    const discountByTier = { gold: 0.10, silver: 0.05, bronze: 0.0 };

    function orderTotal(order) {
        let net = 0;
        for (const item of order.items)
            net += item.quantity * item.unitPrice;
        const discount = discountByTier[order.customer.tier] || 0;
        return Math.round(net * (1 - discount) * 100) / 100;
    }

    return {
        name: "orders.summarize_by_region",
        description: "Summarizes orders of one status by region and lists the largest",
        run: function (args) {
            api.validate(args, schema);
            const minAmount = args.minAmount === undefined ? 0 : args.minAmount;
            const top = args.top === undefined ? 5 : args.top;
            const orders = JSON.parse(args.orders);
            const regions = new Map();
            const large = [];
            for (const order of orders) {
                if (order.status !== args.status)
                    continue;
                const total = orderTotal(order);
                if (total < minAmount)
                    continue;
                let region = regions.get(order.region);
                if (region === undefined) {
                    region = { region: order.region, orders: 0, revenue: 0, customers: new Set() };
                    regions.set(order.region, region);
                }
                region.orders += 1;
                region.revenue += total;
                region.customers.add(order.customer.id);
                large.push({ id: order.id, customer: order.customer.name, total: total });
            }
            const byRevenue = Array.from(regions.values())
                .map(r => ({ region: r.region, orders: r.orders, customers: r.customers.size,
                             revenue: Math.round(r.revenue * 100) / 100 }))
                .sort((a, b) => b.revenue - a.revenue);
            large.sort((a, b) => b.total - a.total);
            return JSON.stringify({ status: args.status, regions: byRevenue, largest: large.slice(0, top) });
        },
    };
})
