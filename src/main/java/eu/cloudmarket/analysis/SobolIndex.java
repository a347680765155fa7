package eu.cloudmarket.analysis;

/**
 * First- and total-order Sobol indices of one parameter with the half-widths of their 95 % bootstrap intervals.
 *
 * @param parameter the parameter's name
 * @param s1        first-order index: share of the output variance due to the parameter alone
 * @param s1Conf    half-width of the 95 % interval of {@code s1}
 * @param st        total-order index: share due to the parameter and all its interactions
 * @param stConf    half-width of the 95 % interval of {@code st}
 */
public record SobolIndex(String parameter, double s1, double s1Conf, double st, double stConf) {
}
