/** The agreed Fashion-MNIST model config, verbatim from BRIEF.md. */
export const FASHION_JSON = `{"name":"se_resnet_f8_r4","inputChannels":1,"inputSize":28,"numClasses":10,
 "stem":{"kind":"3x3","width":8},"block":"basic","depths":[2,2,2],"widths":[8,16,32],
 "groups":1,"strideOn":"3x3","se":{"r":4,"stages":[true,true,true]},"bnEps":1e-5}`;
