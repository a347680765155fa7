package eu.cloudmarket.scenario;

import eu.cloudmarket.model.events.AiDemandShock;
import eu.cloudmarket.model.events.CapacityBuild;
import eu.cloudmarket.model.events.CapacityLease;
import eu.cloudmarket.model.events.CounterGuidance;
import eu.cloudmarket.model.events.DomesticChipRamp;
import eu.cloudmarket.model.events.ExportControlChange;
import eu.cloudmarket.model.events.InvestmentScreening;
import eu.cloudmarket.model.events.LicensingRemedy;
import eu.cloudmarket.model.events.MarketAccessExclusion;
import eu.cloudmarket.model.events.MarketEvent;
import eu.cloudmarket.model.events.PriceChange;
import eu.cloudmarket.model.events.ProcurementRule;
import eu.cloudmarket.model.events.RegulatoryDesignation;
import eu.cloudmarket.model.events.SovereignOfferLaunch;
import eu.cloudmarket.model.events.SovereigntyShock;
import eu.cloudmarket.model.events.SwitchingFeeChange;
import java.util.LinkedHashMap;
import java.util.Map;

/** The event types a scenario may name (domain.md §3.1, E1–E14, and E15 the procurement rule), by their config {@code type}. */
public final class EventCatalog {
    private static final Map<String, Class<? extends MarketEvent>> TYPES = build();

    private EventCatalog() {
    }

    private static Map<String, Class<? extends MarketEvent>> build() {
        Map<String, Class<? extends MarketEvent>> m = new LinkedHashMap<>();
        m.put("price_change", PriceChange.class);
        m.put("export_control_change", ExportControlChange.class);
        m.put("counter_guidance", CounterGuidance.class);
        m.put("domestic_chip_ramp", DomesticChipRamp.class);
        m.put("investment_screening", InvestmentScreening.class);
        m.put("sovereignty_shock", SovereigntyShock.class);
        m.put("sovereign_offer_launch", SovereignOfferLaunch.class);
        m.put("switching_fee_change", SwitchingFeeChange.class);
        m.put("licensing_remedy", LicensingRemedy.class);
        m.put("capacity_lease", CapacityLease.class);
        m.put("capacity_build", CapacityBuild.class);
        m.put("market_access_exclusion", MarketAccessExclusion.class);
        m.put("regulatory_designation", RegulatoryDesignation.class);
        m.put("ai_demand_shock", AiDemandShock.class);
        m.put("procurement_rule", ProcurementRule.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    public static Map<String, Class<? extends MarketEvent>> types() {
        return TYPES;
    }
}
