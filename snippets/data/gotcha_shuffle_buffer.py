import tensorflow as tf

sorted_data = tf.data.Dataset.range(10)
for buffer_size in (2, 10):
    shuffled = sorted_data.shuffle(buffer_size, seed=0)
    print(f"buffer {buffer_size}:", [int(n) for n in shuffled])
