package eu.cloudmarket.analysis;

/**
 * Morris screening measures of one parameter, from its elementary effects EE (output change per unit of the
 * parameter's range, i.e. per step on the unit scale).
 *
 * @param parameter  the parameter's name
 * @param mu         mean of the elementary effects (effects of opposite sign cancel)
 * @param muStar     mean of their absolute values (Campolongo et al. 2007): overall importance
 * @param sigma      their standard deviation (divisor r − 1): nonlinearity or interactions
 * @param muStarConf half-width of the 95 % bootstrap interval of {@code muStar}
 */
public record MorrisIndex(String parameter, double mu, double muStar, double sigma, double muStarConf) {
}
