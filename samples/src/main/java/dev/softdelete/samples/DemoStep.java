package dev.softdelete.samples;

/** One chapter of the demo. Each capability of the library adds its own step class. */
interface DemoStep {

    /** Short title printed as the step's heading. */
    String title();

    /** Does the step, printing what happens through {@link DemoContext#out()}. */
    void run(DemoContext context) throws Exception;
}
