"""One neuron's weighted sum with Part 2's own numbers: three inputs, their weights, the
bias and z (no sigmoid yet: the weighted-sum page comes before the sigmoid's).

Shown on Part 2, "The weighted sum". Every number comes from the page's snippet (its
section "vectorised"), so the picture follows the code.
"""

FIGURES = ["diagram-weighted-sum.svg"]
DEPENDS_ON = ["snippets/part2/weighted_sum.py"]

from figures._neuron import neuron_diagram
from figures._snippets import section_values

SNIPPET = "snippets/part2/weighted_sum.py"


def draw(out_dir, runs):
    v = section_values(SNIPPET, "imports", "vectorised")
    d = neuron_diagram("diagram-weighted-sum", v["inputs"], v["weights"], v["bias"], v["z"])
    d.save(out_dir / "diagram-weighted-sum.svg")
