package eu.cloudmarket.model.params;

import eu.cloudmarket.model.Origin;
import java.util.List;

/**
 * A cloud provider (or a group of providers treated as one agent).
 *
 * @param name         display name
 * @param origin       headquarters jurisdiction: US, EU or CN
 * @param countries    country ids it serves; the word {@code all} serves every configured country
 * @param initialShare share of cloud spend at the start (the installed base), in (0, 1); the initial customers are
 *                     drawn so that the installed base has these shares
 * @param flowShare    share of new workloads the provider wins at the start, in (0, 1), or null for the same as
 *                     {@code initialShare}; the provider qualities δ_j are inverted from these shares (Berry 1994
 *                     [S73]). A flow share below the stock share means the installed base is a legacy of earlier,
 *                     stronger positions (domain.md §2.1: share moves through where new workloads land)
 * @param aiQuality    quality of its AI/GPU offer (accelerator quality and availability), >= 0, weighted by γ
 * @param general      general-compute product
 * @param ai           AI/GPU-compute product
 * @param chips        chip tiers it buys, in order of preference
 * @param pricing      pricing rule
 * @param investment   capacity investment rule
 * @param egressLevel  egress fees at the start relative to the full pre-2024 fee, in [0, 1]
 * @param licensingWedge software-licensing surcharge on its licence-exposed workloads at the start, >= 0
 */
public record ProviderParams(
        String name,
        Origin origin,
        List<String> countries,
        double initialShare,
        Double flowShare,
        double aiQuality,
        ProductParams general,
        ProductParams ai,
        List<String> chips,
        PricingParams pricing,
        InvestmentParams investment,
        double egressLevel,
        double licensingWedge) {
    public ProviderParams {
        Check.required("name", name);
        Check.required("origin", origin);
        Check.notEmpty("countries", countries);
        countries = List.copyOf(countries);
        Check.range("initialShare", initialShare, 1e-9, 0.999);
        if (flowShare != null) {
            Check.range("flowShare", flowShare, 1e-9, 0.999);
        }
        Check.nonNegative("aiQuality", aiQuality);
        Check.required("general", general);
        Check.required("ai", ai);
        Check.notEmpty("chips", chips);
        chips = List.copyOf(chips);
        Check.required("pricing", pricing);
        Check.required("investment", investment);
        Check.range("egressLevel", egressLevel, 0, 1);
        Check.range("licensingWedge", licensingWedge, 0, 5);
    }

    /** The share of new workloads used to calibrate qualities. */
    public double effectiveFlowShare() {
        return flowShare == null ? initialShare : flowShare;
    }

    public boolean servesAllCountries() {
        return countries.contains("all");
    }
}
