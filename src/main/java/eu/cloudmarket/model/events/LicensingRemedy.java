package eu.cloudmarket.model.events;

import eu.cloudmarket.model.MarketControls;
import eu.cloudmarket.model.params.Check;
import eu.cloudmarket.model.params.MarketParams;
import java.util.List;

/**
 * E9: a software-licensing wedge on the listed providers: licence-exposed workloads (Windows/SQL) pay
 * {@code wedge} more there (Microsoft's Oct 2022 licensing change [S67]); a wedge of 0 removes it (the CISPE
 * settlement of Jul 2024, for EU hosters only [S67]).
 *
 * @param providers providers the wedge applies to, or [all]
 * @param wedge     relative price surcharge on licence-exposed workloads, >= 0 (0.1 = +10%)
 */
public record LicensingRemedy(List<String> providers, double wedge) implements MarketEvent {
    public LicensingRemedy {
        providers = providers == null ? List.of("all") : List.copyOf(providers);
        Check.range("wedge", wedge, 0, 5);
    }

    @Override
    public String type() {
        return "licensing_remedy";
    }

    @Override
    public String target() {
        return String.join("+", providers);
    }

    @Override
    public String parameters() {
        return "wedge=" + Refs.fmt(wedge);
    }

    @Override
    public void validate(MarketParams params) {
        Refs.knownAll("providers", providers, params.providers(), "provider");
    }

    @Override
    public void applyTo(MarketControls m) {
        for (String id : providers) {
            for (int j : m.providersMatching(id)) {
                m.setLicensingWedge(j, wedge);
            }
        }
    }

    @Override
    public MarketEvent withMagnitude(String field, double value) {
        if (field.equals("wedge")) {
            return new LicensingRemedy(providers, value);
        }
        return MarketEvent.super.withMagnitude(field, value);
    }
}
