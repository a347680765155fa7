package eu.cloudmarket.output;

import java.util.function.Function;

/**
 * One column of a CSV table: the name in its header, the unit and type of its values, what it means, and how a row
 * gives its value. A {@link TableSchema} holds a table's columns in order; the header, the rows and the codebook
 * entries all come from that one list.
 *
 * @param <R> the row type the value is read from
 * @param name the header name
 * @param unit the unit of the values (or the allowed levels of a categorical column)
 * @param type {@code string}, {@code integer} or {@code number}
 * @param description what a value means, for the codebook
 * @param value the formatted value of a row
 */
public record Column<R>(String name, String unit, String type, String description, Function<? super R, String> value) {
    public static final String STRING = "string";
    public static final String INTEGER = "integer";
    public static final String NUMBER = "number";
}
