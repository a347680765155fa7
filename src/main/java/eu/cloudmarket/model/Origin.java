package eu.cloudmarket.model;

/** Jurisdiction a provider is headquartered in; decides its exposure to foreign-government data access. */
public enum Origin {
    US,
    EU,
    CN
}
