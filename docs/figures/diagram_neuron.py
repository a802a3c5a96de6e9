"""One neuron with step 1's own numbers: inputs, weights, bias, weighted sum, sigmoid, output.

Shown on Part 3, step 1. Every number comes from the step's snippet (its sections
"numbers", "weighted-sum" and "sigmoid"), so the picture follows the code.
"""

FIGURES = ["diagram-neuron.svg"]
DEPENDS_ON = ["snippets/part3/step1_one_neuron.py"]

from figures._neuron import neuron_diagram
from figures._snippets import section_values

SNIPPET = "snippets/part3/step1_one_neuron.py"


def draw(out_dir, runs):
    v = section_values(SNIPPET, "numbers", "weighted-sum", "sigmoid")
    d = neuron_diagram("diagram-neuron", v["inputs"], v["weights"], v["bias"], v["z"], v["a"])
    d.save(out_dir / "diagram-neuron.svg")
