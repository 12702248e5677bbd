import keras

model = keras.Sequential([keras.layers.Dense(32), keras.layers.Dense(10)])
try:
    model.count_params()
except ValueError as error:
    print("count_params:", error)

# summary() does not raise: it prints "?" shapes and 0 (unbuilt) parameters.
lines = []
model.summary(print_fn=lambda text, **kwargs: lines.extend(text.splitlines()))
for line in lines:
    if "Dense" in line or "Total" in line:
        print(" ".join(line.strip("│ ").split()))
