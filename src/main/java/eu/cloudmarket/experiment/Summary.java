package eu.cloudmarket.experiment;

/**
 * Summary of one metric over the replications of one cell: the sample mean, the sample standard deviation (n − 1
 * denominator) and the two-sided 95% confidence interval of the mean by Student's t with n − 1 degrees of freedom.
 * With n = 1 the sd and the interval are NaN; with n = 0 everything is NaN.
 *
 * @param n      number of finite values
 * @param mean   sample mean
 * @param sd     sample standard deviation
 * @param ciLow  lower end of the 95% confidence interval of the mean
 * @param ciHigh upper end of the 95% confidence interval of the mean
 */
public record Summary(int n, double mean, double sd, double ciLow, double ciHigh) {
    public static final Summary EMPTY = new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
