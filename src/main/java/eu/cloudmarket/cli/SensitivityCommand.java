package eu.cloudmarket.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sensitivity sample|analyze}: Sobol and Morris sensitivity analysis on plain CSV files, as SALib's command
 * line does it: sample a design, evaluate any model on its rows, analyse the outputs.
 */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = {"Sobol (Saltelli design) and Morris sensitivity analysis on plain CSV files.",
            "sample writes a design to stdout; analyze reads the design and the outputs and prints the indices."},
        subcommands = {SensitivitySampleCommand.class, SensitivityAnalyzeCommand.class})
final class SensitivityCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand (sample or analyze)");
    }
}
