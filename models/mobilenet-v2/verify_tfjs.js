// Runs nsfwjs's own TF.js layers model (pure-JS CPU backend) on the tensors verify.py wrote and compares
// with the ONNX outputs stored beside them. Usage: node verify_tfjs.js NSFWJS_PACKAGE_DIR TENSOR_DIR
// (needs @tensorflow/tfjs resolvable, e.g. NODE_PATH=/somewhere/node_modules).
const tf = require("@tensorflow/tfjs");
const fs = require("fs");
const path = require("path");

async function main() {
  const [pkg, dir] = process.argv.slice(2);
  const models = path.join(pkg, "dist/models/mobilenet_v2");
  const json = require(path.resolve(models, "model.min.js"));
  const shard = Buffer.from(require(path.resolve(models, "group1-shard1of1.min.js")), "base64");
  const weightData = shard.buffer.slice(shard.byteOffset, shard.byteOffset + shard.byteLength);
  await tf.setBackend("cpu");
  const model = await tf.loadLayersModel(tf.io.fromMemory({
    modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData }));
  const both = tf.model({ inputs: model.inputs, outputs: [model.getLayer("flatten_1").output, model.outputs[0]] });
  let worstF = 0, worstP = 0, n = 0, sameTop = 0;
  for (const f of fs.readdirSync(dir).filter(x => x.endsWith(".nhwc.f32")).sort()) {
    const b = fs.readFileSync(path.join(dir, f));
    const x = tf.tensor(new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4), [1, 224, 224, 3]);
    const [feat, prob] = both.predict(x);
    const fv = feat.dataSync(), pv = prob.dataSync();
    const o = fs.readFileSync(path.join(dir, f.replace(".nhwc.f32", ".onnx.f32")));
    const ov = new Float32Array(o.buffer, o.byteOffset, o.byteLength / 4);
    for (let i = 0; i < 1280; i++) worstF = Math.max(worstF, Math.abs(fv[i] - ov[i]));
    for (let i = 0; i < 5; i++) worstP = Math.max(worstP, Math.abs(pv[i] - ov[1280 + i]));
    const argmax = a => a.indexOf(Math.max(...a));
    if (argmax(Array.from(pv)) === argmax(Array.from(ov.slice(1280)))) sameTop++;
    n++;
    console.log(f, Array.from(pv).map(v => v.toFixed(4)).join(" "));
  }
  console.log(`${n} images: max |probability diff| ${worstP.toExponential(2)}, max |feature diff| ${worstF.toExponential(2)}, same top class ${sameTop}/${n}`);
}
main();
