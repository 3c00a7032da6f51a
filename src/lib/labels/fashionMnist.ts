// Fashion-MNIST's 10 classes in label order (Xiao, Rasul, Vollgraf 2017; github.com/zalandoresearch/fashion-mnist).
export const FASHION_MNIST_CLASSES = [
  "T-shirt/top",
  "Trouser",
  "Pullover",
  "Dress",
  "Coat",
  "Sandal",
  "Shirt",
  "Sneaker",
  "Bag",
  "Ankle boot",
] as const;
