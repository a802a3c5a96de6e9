"""Part 1, Level 1: the Python basics that the network code is made of.

Run it on its own:  python snippets/part1/basics.py
Each section prints what the page shows, and an assert checks every claim the
page makes.
"""

# --8<-- [start:imports]
import math

# --8<-- [end:imports]

# --8<-- [start:variables]
learning_rate = 0.5        # a float: a number with a decimal point
epochs = 20                # an int: a whole number
name = "digit classifier"  # a str: text, in quotes
shuffle = True             # a bool: True or False

print(type(learning_rate).__name__, type(epochs).__name__, type(name).__name__,
      type(shuffle).__name__)
assert isinstance(learning_rate, float) and isinstance(epochs, int)
# --8<-- [end:variables]

# --8<-- [start:numbers]
print(7 / 2)    # true division: always a float
print(7 // 2)   # floor division: the whole part only
print(7 % 2)    # remainder
print(2 ** 10)  # power
print(1e-3)     # scientific notation: 1 times 10 to the power -3
assert 7 / 2 == 3.5 and 7 // 2 == 3 and 2**10 == 1024
# --8<-- [end:numbers]

# --8<-- [start:floats]
total = 0.1 + 0.2
print(total)
print(total == 0.3)
print(math.isclose(total, 0.3))
assert total != 0.3 and math.isclose(total, 0.3)
# --8<-- [end:floats]

# --8<-- [start:conditions]
accuracy = 0.93
print(accuracy > 0.9)        # a comparison gives a bool
if accuracy > 0.97:
    verdict = "excellent"
elif accuracy > 0.9:         # checked only if the test above was False
    verdict = "passes 90%"
else:                        # none of the tests above was True
    verdict = "keep training"
print(verdict)

for epoch in range(1, 21):
    if epoch % 5 == 0 and epoch != 20:  # every 5th epoch, but not the last
        print(f"epoch {epoch}: report")
assert verdict == "passes 90%" and 20 % 5 == 0
# --8<-- [end:conditions]

# --8<-- [start:lists]
pixels = [0.0, 0.5, 1.0, 0.25]
print(pixels[0])    # the first item: counting starts at 0
print(pixels[-1])   # the last item
print(pixels[1:3])  # a slice: items 1 and 2 (the end, 3, is left out)
print(len(pixels))
pixels.append(0.75)  # lists can grow
print(pixels)
assert pixels[1:3] == [0.5, 1.0] and len(pixels) == 5
# --8<-- [end:lists]

# --8<-- [start:loops]
losses = [2.5, 1.25, 0.75, 0.5]
for loss in losses:
    print(f"loss = {loss}")

total = 0.0
for loss in losses:
    total += loss  # the same as: total = total + loss
average = total / len(losses)
print(f"average = {average}")
assert average == 1.25
# --8<-- [end:loops]

# --8<-- [start:functions]
def weighted_sum(inputs, weights, bias=0.0):
    """Multiply each input by its weight, add the products up, add the bias."""
    total = bias
    for i in range(len(inputs)):
        total += inputs[i] * weights[i]
    return total


z = weighted_sum([1.0, 2.0], [0.5, 0.25], bias=1.0)
print(z)
print(weighted_sum([1.0, 2.0], [0.5, 0.25]))  # no bias given: the default, 0.0
assert z == 2.0  # 1.0*0.5 + 2.0*0.25 + 1.0
# --8<-- [end:functions]

# --8<-- [start:while]
loss = 1.0
steps = 0
while loss > 0.1:      # repeat as long as the condition is True
    loss = loss / 2    # pretend each step halves the loss
    steps += 1
print(steps, loss)

val_losses = [0.9, 0.6, 0.5, 0.55, 0.4]
best = val_losses[0]
for epoch in range(1, len(val_losses)):
    if val_losses[epoch] < best:
        best = val_losses[epoch]
        continue       # better: go straight on to the next epoch
    print(f"epoch {epoch}: no better, stop")
    break              # leave the loop now: 0.4 is never looked at
print(f"best {best}")
assert steps == 4 and best == 0.5
# --8<-- [end:while]

# --8<-- [start:fstrings]
epoch = 3
loss = 0.123456
accuracy = 0.9712
print(f"epoch {epoch}: loss {loss:.4f}, accuracy {accuracy:.1%}")
print(f"{epoch:>3d} | {loss:8.3f}")  # widths line numbers up in a table
print(f"{loss = }")  # '=' prints the name too: handy when debugging
acc = 97.123  # the original guide's style: already times 100
print(f"Accuracy: {acc:.2f}%")
assert f"{loss:.4f}" == "0.1235" and f"{accuracy:.1%}" == "97.1%"
# --8<-- [end:fstrings]

# --8<-- [start:range]
print(list(range(5)))          # 0 up to, but not including, 5
print(list(range(2, 10, 3)))   # start, stop, step

n_examples = 10
batch_size = 4
for start in range(0, n_examples, batch_size):
    end = min(start + batch_size, n_examples)
    print(f"batch from {start} to {end}: {end - start} examples")
assert list(range(0, n_examples, batch_size)) == [0, 4, 8]
# --8<-- [end:range]
