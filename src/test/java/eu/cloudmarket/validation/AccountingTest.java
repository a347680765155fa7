package eu.cloudmarket.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.model.ProviderQuarter;
import eu.cloudmarket.model.QuarterSnapshot;
import eu.cloudmarket.output.RunRecorder;
import org.junit.jupiter.api.Test;

/**
 * Accounting identities (issue 9, validation 4), checked every quarter of the full baseline: every buyer has exactly
 * one provider or the outside option, revenues add up to the market total, shares sum to 1, nothing negative, and
 * switching flows conserve buyers.
 */
class AccountingTest {
    @Test
    void everyQuarterBalances() {
        int buyers = 20000;
        RunRecorder r = Runs.run(Runs.BASELINE, 7, 0);
        assertEquals(40, r.quarters().size());
        int prevInCloud = -1;
        int[] prevCustomers = null;
        for (QuarterSnapshot q : r.quarters()) {
            int customers = 0;
            double revenue = 0;
            double shares = 0;
            int[] cust = new int[q.providers().size()];
            for (int j = 0; j < q.providers().size(); j++) {
                ProviderQuarter p = q.providers().get(j);
                customers += p.customers();
                cust[j] = p.customers();
                revenue += p.revenue();
                shares += p.revenueShare();
                assertTrue(p.priceGeneral() >= 0 && p.priceAi() >= 0, "negative price in " + q.label());
                assertTrue(p.capacityGeneral() >= 0 && p.capacityAi() >= 0, "negative capacity in " + q.label());
                assertTrue(p.revenue() >= 0, "negative revenue in " + q.label());
            }
            assertEquals(buyers, customers + q.buyersOnPremises(), "buyers accounted for in " + q.label());
            assertEquals(customers, q.buyersInCloud());
            assertEquals(1.0, shares, 1e-9, "shares sum to 1 in " + q.label());
            assertEquals(q.marketRevenue(), revenue, 1e-9);
            for (double[] seg : q.segmentShares()) {
                double s = 0;
                for (double x : seg) {
                    s += x;
                }
                assertEquals(1.0, s, 1e-9, "segment shares sum to 1 in " + q.label());
            }
            // Flow conservation: customers(t) = customers(t-1) + inflows - outflows for every provider.
            if (prevCustomers != null) {
                int p = q.providers().size();
                for (int j = 0; j < p; j++) {
                    int in = 0;
                    int out = 0;
                    for (int x = 0; x <= p; x++) {
                        in += x == j ? 0 : q.flows()[x][j];
                        out += x == j ? 0 : q.flows()[j][x];
                    }
                    assertEquals(prevCustomers[j] + in - out, cust[j], "flow balance of provider " + j + " in "
                            + q.label());
                }
            }
            prevCustomers = cust;
            prevInCloud = customers;
        }
        assertTrue(prevInCloud > 0);
    }
}
