"""Step 2's neuron with its own numbers: three inputs and weights, the bias, the weighted
sum z and the output a = sigmoid(z).

Shown on Part 3, step 2. Every number comes from the step's snippet (its sections
"vectors", "vectorised" and "activation"), so the picture follows the code.
"""

FIGURES = ["diagram-many-inputs.svg"]
DEPENDS_ON = ["snippets/part3/step2_many_inputs.py"]

from figures._neuron import neuron_diagram
from figures._snippets import section_values

SNIPPET = "snippets/part3/step2_many_inputs.py"


def values() -> dict:
    """The snippet's inputs, weights, bias, z and a."""
    return section_values(SNIPPET, "imports", "vectors", "vectorised", "activation")


def draw(out_dir, runs):
    v = values()
    d = neuron_diagram("diagram-many-inputs", v["inputs"], v["weights"], v["bias"],
                       float(v["z"]), float(v["a"]))
    d.save(out_dir / "diagram-many-inputs.svg")
