// English function words. Negations are kept apart: they are not terms on their own, but they may
// open a phrase ("not working"), which is often the most telling part of a complaint.
// biome-ignore format: a word list reads better packed
export const EN_NEGATIONS = [
  'not', 'no', 'never', 'nor', "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "can't",
  'cannot', "couldn't", "won't", "wouldn't", "shouldn't", "haven't", "hasn't", "hadn't", 'dont', 'didnt',
  'cant',
];

// biome-ignore format: a word list reads better packed
export const EN_STOP_WORDS = [
  'a', 'about', 'above', 'after', 'again', 'against', 'all', 'also', 'am', 'an', 'and', 'any', 'are', 'as',
  'at', 'be', 'because', 'been', 'before', 'being', 'below', 'between', 'both', 'but', 'by', 'can', 'could',
  'did', 'do', 'does', 'doing', 'down', 'during', 'each', 'either', 'else', 'etc', 'even', 'ever', 'every',
  'few', 'for', 'from', 'further', 'get', 'gets', 'got', 'had', 'has', 'have', 'having', 'he', "he's", 'her',
  'here', 'hers', 'herself', 'him', 'himself', 'his', 'how', 'i', "i'd", "i'll", "i'm", "i've", 'if', 'in',
  'into', 'is', 'it', "it's", 'its', 'itself', 'just', "let's", 'may', 'me', 'might', 'more', 'most', 'much',
  'must', 'my', 'myself', 'now', 'of', 'off', 'ok', 'okay', 'on', 'once', 'one', 'only', 'or', 'other',
  'ought', 'our', 'ours', 'ourselves', 'out', 'over', 'own', 'quite', 'rather', 'really', 'same', 'shall',
  'she', "she's", 'should', 'so', 'some', 'still', 'such', 'than', 'that', "that's", 'the', 'their', 'theirs',
  'them', 'themselves', 'then', 'there', "there's", 'these', 'they', "they're", 'this', 'those', 'though',
  'through', 'to', 'too', 'under', 'until', 'up', 'upon', 'us', 'very', 'was', 'we', "we're", "we've", 'were',
  'what', "what's", 'when', 'where', 'whether', 'which', 'while', 'who', 'whom', 'whose', 'why', 'will',
  'with', 'within', 'would', 'yes', 'yet', 'you', "you'd", "you'll", "you're", "you've", 'your', 'yours',
  'yourself', 'yourselves', 'im', 'ive', 'lot', 'bit', 'thing', 'things', 'anything', 'something',
];

// Frequent words of English feedback that are not function words; they only help detection.
// biome-ignore format: a word list reads better packed
export const EN_HINTS = [
  'service', 'good', 'great', 'bad', 'thanks', 'thank', 'delivery', 'staff', 'order', 'fast', 'slow',
  'excellent', 'price', 'quality', 'friendly', 'helpful', 'support', 'recommend', 'late', 'waiting', 'nice',
  'awesome', 'terrible', 'poor', 'love', 'easy', 'problem', 'customer', 'time', 'product',
];
